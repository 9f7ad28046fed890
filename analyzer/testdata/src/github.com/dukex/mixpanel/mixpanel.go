// Package mixpanel is a stub of github.com/dukex/mixpanel.
package mixpanel

type Event struct {
	IP         string
	Properties map[string]interface{}
}

type Update struct {
	Operation  string
	Properties map[string]interface{}
}

type Mixpanel interface {
	Track(distinctId, eventName string, e *Event) error
	Update(distinctId string, u *Update) error
}

type mixpanel struct {
	Token  string
	ApiURL string
}

func (m *mixpanel) Track(distinctId, eventName string, e *Event) error { return nil }

func (m *mixpanel) Update(distinctId string, u *Update) error { return nil }

func New(token, apiURL string) Mixpanel {
	if apiURL == "" {
		apiURL = "https://api.mixpanel.com"
	}
	return &mixpanel{Token: token, ApiURL: apiURL}
}
