// Package vendors calls SaaS SDKs whose calls are rows of the SDK table:
// e-mail (Postmark), product analytics (Mixpanel, Amplitude),
// observability (Datadog, New Relic), feature flags (LaunchDarkly) and
// identity (Auth0, Okta).
package vendors

type User struct {
	ID    string
	Name  string
	Email string
}
