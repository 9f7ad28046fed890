package goevidence

import (
	"strings"
	"testing"
)

// The Twilio template follows the client's BuildUrl: an edge alone keeps
// region us1, a region alone drops the edge, both name both.
func TestTemplateRegion(t *testing.T) {
	region, _ := sdkLookup("github.com/twilio/twilio-go", "RestClient.SetRegion")
	edge, _ := sdkLookup("github.com/twilio/twilio-go", "RestClient.SetEdge")
	set := func(r sdkRow, v string) regionSet {
		return regionSet{row: r, origin: "twilio.RestClient.Set", val: Val{Strs: []Str{lit(v)}}}
	}
	for _, c := range []struct {
		sets []regionSet
		want string
	}{
		{[]regionSet{set(edge, "sydney")}, "{product}.sydney.us1.twilio.com"},
		{[]regionSet{set(region, "ie1")}, "{product}.ie1.twilio.com"},
		{[]regionSet{set(region, "ie1"), set(edge, "dublin")}, "{product}.dublin.ie1.twilio.com"},
		{[]regionSet{set(region, "ie1"), set(region, "au1")}, "{product}.au1.twilio.com {product}.ie1.twilio.com"},
	} {
		hs := regionHandles(c.sets)
		var got []string
		for _, h := range hs {
			for _, d := range h.Dest {
				s, _ := d.literal()
				got = append(got, s)
			}
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("got %q, want %q", got, c.want)
		}
		send, _ := sdkLookup("github.com/twilio/twilio-go/rest/verify/v2", "ApiService.CreateVerification")
		for _, h := range withProduct(hs, send) {
			for _, d := range h.Dest {
				if s, _ := d.literal(); !strings.HasPrefix(s, "verify.") {
					t.Errorf("withProduct: %q, want verify.…", s)
				}
			}
		}
	}
}

// A map row's value it does not list is no host, and says why.
func TestMapRegion(t *testing.T) {
	r, _ := sdkLookup("github.com/sendgrid/sendgrid-go", "SetDataResidency")
	h := regionHandles([]regionSet{{row: r, origin: "sendgrid.SetDataResidency", val: Val{Strs: []Str{lit("mars")}}}})[0]
	if len(h.Dest) != 0 || !strings.Contains(h.Unknown, `"mars"`) {
		t.Errorf("got %+v, want an unknown naming the value", h)
	}
	h = regionHandles([]regionSet{{row: r, origin: "sendgrid.SetDataResidency", val: Val{Strs: []Str{lit("eu")}}}})[0]
	if s, _ := h.Dest[0].literal(); s != "api.eu.sendgrid.com" {
		t.Errorf("got %q, want api.eu.sendgrid.com", s)
	}
}
