package vendors

import (
	"context"
	"os"

	"github.com/dukex/mixpanel"
	mp "github.com/mixpanel/mixpanel-go"

	"example.com/vendors/lookalike"
)

// dukex/mixpanel: an empty API URL is the default host, api.mixpanel.com
// (Mixpanel's US residency).
func signup(u User) {
	c := mixpanel.New("token", "")
	c.Track(u.ID, "signup", &mixpanel.Event{}) // want `^mixpanel.Mixpanel.Track to api.mixpanel.com sends personal data to the United States`
}

// The EU residency host names no country.
func signupEU(u User) {
	c := mixpanel.New("token", "https://api-eu.mixpanel.com")
	c.Update(u.ID, &mixpanel.Update{Operation: "$set", Properties: map[string]interface{}{"$email": u.Email}}) // want `^mixpanel.Mixpanel.Update to api-eu.mixpanel.com: cannot decide where it sends personal data: Mixpanel EU residency names no country`
}

// mixpanel-go: EuResidency() moves the client to api-eu.mixpanel.com.
func trackEU(u User) {
	c := mp.NewApiClient("token", mp.EuResidency())
	c.Track(context.Background(), []*mp.Event{c.NewEvent("signup", u.ID, nil)}) // want `^mixpanel.ApiClient.Track to api-eu.mixpanel.com: cannot decide where it sends personal data: Mixpanel EU residency names no country`
}

// Without options: the US host.
func profile(u User) {
	c := mp.NewApiClient("token")
	c.PeopleSet(context.Background(), []*mp.PeopleProperties{mp.NewPeopleProperties(u.ID, map[string]any{"$email": u.Email})}) // want `^mixpanel.ApiClient.PeopleSet to api.mixpanel.com sends personal data to the United States`
}

// A proxy not known statically is a note naming where it comes from.
func trackProxied(u User) {
	c := mp.NewApiClient("token", mp.ProxyApiLocation(os.Getenv("MIXPANEL_PROXY")))
	c.Track(context.Background(), []*mp.Event{c.NewEvent("signup", u.ID, nil)}) // want `^mixpanel.ApiClient.Track: cannot decide where it sends personal data: the URL comes from os.Getenv\("MIXPANEL_PROXY"\)`
}

// The same method name in another import path is followed as code.
func trackLocal(c *lookalike.Client, u User) {
	c.Track(u.ID, "signup")
}
