// Package mixpanel is a stub of github.com/mixpanel/mixpanel-go.
package mixpanel

import "context"

type ApiClient struct {
	token       string
	apiEndpoint string
}

type Options func(mixpanel *ApiClient)

func EuResidency() Options {
	return func(m *ApiClient) { m.apiEndpoint = "https://api-eu.mixpanel.com" }
}

func ProxyApiLocation(proxy string) Options {
	return func(m *ApiClient) { m.apiEndpoint = proxy }
}

func NewApiClient(token string, options ...Options) *ApiClient {
	c := &ApiClient{token: token, apiEndpoint: "https://api.mixpanel.com"}
	for _, o := range options {
		o(c)
	}
	return c
}

type Event struct {
	Name       string
	Properties map[string]any
}

func (m *ApiClient) NewEvent(name string, distinctID string, properties map[string]any) *Event {
	return &Event{Name: name, Properties: properties}
}

func (m *ApiClient) Track(ctx context.Context, events []*Event) error { return nil }

type PeopleProperties struct {
	DistinctID string
	Properties map[string]any
}

func NewPeopleProperties(distinctID string, properties map[string]any) *PeopleProperties {
	return &PeopleProperties{DistinctID: distinctID, Properties: properties}
}

func (a *ApiClient) PeopleSet(ctx context.Context, people []*PeopleProperties) error { return nil }
