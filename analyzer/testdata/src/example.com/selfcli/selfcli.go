// Package selfcli uses the client of its own service: nothing it sends
// through it is an export.
package selfcli

import "example.com/selfcli/api"

func login(email string) {
	c := api.New("")
	c.SendOTP(api.Account{Email: email})
	api.Report(api.Account{Email: email})
}
