// Package newrelic is a stub of github.com/newrelic/go-agent/v3/newrelic.
package newrelic

type Config struct {
	AppName string
	License string
}

type ConfigOption func(*Config)

func ConfigAppName(appName string) ConfigOption { return func(c *Config) { c.AppName = appName } }

func ConfigLicense(license string) ConfigOption { return func(c *Config) { c.License = license } }

func ConfigFromEnvironment() ConfigOption { return func(c *Config) {} }

type Application struct{ config Config }

func NewApplication(opts ...ConfigOption) (*Application, error) { return &Application{}, nil }

func (app *Application) RecordCustomEvent(eventType string, params map[string]interface{}) {}

type Transaction struct{ name string }

func (app *Application) StartTransaction(name string) *Transaction { return &Transaction{name: name} }

func (txn *Transaction) AddAttribute(key string, value any) {}

func (txn *Transaction) End() {}
