// Package types is a stub of github.com/amplitude/analytics-go/amplitude/types.
package types

type ServerZone string

const (
	ServerZoneUS ServerZone = "US"
	ServerZoneEU ServerZone = "EU"
)

type Config struct {
	APIKey     string
	ServerZone ServerZone
	ServerURL  string
}

func NewConfig(apiKey string) Config { return Config{APIKey: apiKey} }

type EventOptions struct {
	UserID   string
	DeviceID string
}

type Event struct {
	EventType       string
	EventProperties map[string]interface{}
	EventOptions
}

type Identify struct{ Properties map[string]interface{} }

func (i *Identify) Set(property string, value interface{}) *Identify { return i }
