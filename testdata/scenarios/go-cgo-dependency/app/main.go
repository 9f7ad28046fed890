// The app uses the driver's cgo-only error type: a build without cgo
// cannot type that use, but the rest of the module is analysed, and its
// export to the partner in China is reported.
package main

import (
	"net/http"
	"strings"

	"example.com/csql"
)

type User struct {
	Email string
}

func save(u User) error {
	if err := csql.Insert(u.Email); err != nil {
		if e, ok := err.(csql.Error); ok && e.Code == csql.ErrConstraint {
			return nil
		}
		return err
	}
	return nil
}

func main() {
	u := User{Email: "a@example.jp"}
	_ = save(u)
	http.Post("https://hooks.partner.example.cn/v1/users", "text/plain", strings.NewReader(u.Email))
}
