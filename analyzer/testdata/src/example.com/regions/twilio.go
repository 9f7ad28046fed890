// Package regions holds the sites of SaaS SDKs whose host a region
// setter moves, with the look-alikes that must not be reported.
package regions

import (
	"os"

	"github.com/twilio/twilio-go"
	openapi "github.com/twilio/twilio-go/rest/api/v2010"
	verify "github.com/twilio/twilio-go/rest/verify/v2"

	"example.com/regions/lookalike"
)

type User struct {
	ID    int64
	Name  string
	Email string
	Phone string
}

// Twilio: an SMS to the user's phone number goes to api.twilio.com (US1)
// when no region is set.
func textUser(u User) {
	c := twilio.NewRestClient()
	p := &openapi.CreateMessageParams{}
	p.SetTo(u.Phone)
	p.SetBody("your code is 1234")
	c.Api.CreateMessage(p) // want `^openapi.ApiService.CreateMessage to api.twilio.com sends personal data to the United States \(Twilio US1 processing region\)`
}

// The region and edge set on the client move it: api.dublin.ie1.twilio.com.
func textUserIE(u User) {
	c := twilio.NewRestClientWithParams(twilio.ClientParams{Username: "AC123"})
	c.SetRegion("ie1")
	c.SetEdge("dublin")
	c.Api.CreateMessage(&openapi.CreateMessageParams{To: &u.Phone}) // want `^openapi.ApiService.CreateMessage to api.dublin.ie1.twilio.com sends personal data to Ireland \(Twilio IE1 processing region\)`
}

// An edge alone keeps the US1 region (api.sydney.us1.twilio.com); the
// product of the call names the host (verify.sydney.us1.twilio.com).
func verifyUser(u User) {
	c := twilio.NewRestClient()
	c.SetEdge("sydney")
	p := &verify.CreateVerificationParams{}
	p.SetTo(u.Phone)
	c.VerifyV2.CreateVerification("VA123", p) // want `^openapi.ApiService.CreateVerification to verify.sydney.us1.twilio.com sends personal data to the United States`
}

// A client kept in a struct keeps its region.
type Notifier struct{ sms *twilio.RestClient }

func NewNotifier() *Notifier {
	c := twilio.NewRestClient()
	c.SetRegion("au1")
	return &Notifier{sms: c}
}

func (n *Notifier) Text(u User) {
	n.sms.Api.CreateMessage(&openapi.CreateMessageParams{To: &u.Phone}) // want `^openapi.ApiService.CreateMessage to api.au1.twilio.com sends personal data to Australia`
}

// A region not known statically is a note naming the setter, never the
// default host.
func textUserAt(u User) {
	c := twilio.NewRestClient()
	c.SetRegion(os.Getenv("TWILIO_REGION"))
	c.Api.CreateMessage(&openapi.CreateMessageParams{To: &u.Phone}) // want `^openapi.ApiService.CreateMessage: cannot decide where it sends personal data: the address comes from os.Getenv\("TWILIO_REGION"\) \(given to twilio.RestClient.SetRegion\)`
}

// A message with nothing personal is no export; a read of the messages
// sent to a number is no site; a same-named method of another import
// path is followed as code.
func textOps() {
	c := twilio.NewRestClient()
	c.Api.CreateMessage(&openapi.CreateMessageParams{Body: ptr("deploy finished")})
}

func history(u User) {
	c := twilio.NewRestClient()
	c.Api.ListMessage((&openapi.ListMessageParams{}).SetTo(u.Phone), 20)
}

func textLocal(s *lookalike.ApiService, u User) {
	s.CreateMessage(u.Phone, "hello")
}

func ptr(s string) *string { return &s }

// A client kept in a struct with no region set: the default host.
type Texter struct{ c *twilio.RestClient }

func NewTexter() *Texter { return &Texter{c: twilio.NewRestClient()} }

func (t *Texter) Text(u User) {
	t.c.Api.CreateMessage(&openapi.CreateMessageParams{To: &u.Phone}) // want `^openapi.ApiService.CreateMessage to api.twilio.com sends personal data to the United States`
}

// The region set on the struct's field after the client is made.
type Pager struct{ tw *twilio.RestClient }

func NewPager() *Pager {
	p := &Pager{tw: twilio.NewRestClient()}
	p.tw.SetRegion("ie1")
	return p
}

func (p *Pager) Page(u User) {
	p.tw.Api.CreateMessage(&openapi.CreateMessageParams{To: &u.Phone}) // want `^openapi.ApiService.CreateMessage to api.ie1.twilio.com sends personal data to Ireland`
}

// The region set through the request handler's fields.
func textUserField(u User) {
	c := twilio.NewRestClient()
	c.Region = "au1"
	c.RequestHandler.Edge = "sydney"
	c.Api.CreateMessage(&openapi.CreateMessageParams{To: &u.Phone}) // want `^openapi.ApiService.CreateMessage to api.sydney.au1.twilio.com sends personal data to Australia`
}

// One not known statically names the field.
func textUserFieldAt(u User) {
	c := twilio.NewRestClient()
	c.Region = os.Getenv("REGION")
	c.Api.CreateMessage(&openapi.CreateMessageParams{To: &u.Phone}) // want `^openapi.ApiService.CreateMessage: cannot decide where it sends personal data: the address comes from os.Getenv\("REGION"\) \(given to client.RequestHandler.Region\)`
}
