package vendors

import (
	"time"

	"github.com/launchdarkly/go-sdk-common/v3/ldcontext"
	ld "github.com/launchdarkly/go-server-sdk/v7"
	"github.com/launchdarkly/go-server-sdk/v7/interfaces"
	"github.com/launchdarkly/go-server-sdk/v7/ldcomponents"
)

// LaunchDarkly: an evaluation for a context keyed by the user's ID goes
// to events.launchdarkly.com, which no public rule places.
func newCheckout(u User) bool {
	c, _ := ld.MakeClient("sdk-key", 5*time.Second)
	on, _ := c.BoolVariation("new-checkout", ldcontext.New(u.ID), false) // want `^ldclient.LDClient.BoolVariation to events.launchdarkly.com: cannot decide where it sends personal data: no public rule places the host; add a host block`
	return on
}

// Through a Relay Proxy: the relay's host.
func newCheckoutRelay(u User) bool {
	c, _ := ld.MakeCustomClient("sdk-key", ld.Config{ServiceEndpoints: ldcomponents.RelayProxyEndpoints("https://ld-relay.example.de")}, 5*time.Second)
	on, _ := c.BoolVariation("new-checkout", ldcontext.New(u.ID), false) // want `^ldclient.LDClient.BoolVariation to ld-relay.example.de sends personal data to Germany`
	return on
}

// A context with a fixed key carries no personal data.
func maintenance() bool {
	c, _ := ld.MakeClient("sdk-key", 5*time.Second)
	on, _ := c.BoolVariation("maintenance", ldcontext.New("server"), false)
	return on
}

// Events sent to the endpoint ServiceEndpoints names.
func newCheckoutEvents(u User) bool {
	c, _ := ld.MakeCustomClient("sdk-key", ld.Config{ServiceEndpoints: interfaces.ServiceEndpoints{Events: "https://ld-events.example.de"}}, 5*time.Second)
	on, _ := c.BoolVariation("new-checkout", ldcontext.New(u.Email), false) // want `^ldclient.LDClient.BoolVariation to ld-events.example.de sends personal data to Germany`
	return on
}
