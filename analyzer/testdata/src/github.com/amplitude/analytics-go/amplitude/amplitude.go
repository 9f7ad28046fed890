// Package amplitude is a stub of github.com/amplitude/analytics-go/amplitude.
package amplitude

import "github.com/amplitude/analytics-go/amplitude/types"

type (
	Config       = types.Config
	ServerZone   = types.ServerZone
	Event        = types.Event
	EventOptions = types.EventOptions
	Identify     = types.Identify
)

const (
	ServerZoneUS = types.ServerZoneUS
	ServerZoneEU = types.ServerZoneEU
)

var NewConfig = types.NewConfig

type Client interface {
	Track(event Event)
	Identify(identify Identify, eventOptions EventOptions)
	Flush()
}

type client struct{ config Config }

func (c *client) Track(event Event)                                     {}
func (c *client) Identify(identify Identify, eventOptions EventOptions) {}
func (c *client) Flush()                                                {}

func NewClient(config Config) Client { return &client{config: config} }
