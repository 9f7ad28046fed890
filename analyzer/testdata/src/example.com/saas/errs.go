package saas

import (
	"errors"

	"github.com/getsentry/sentry-go"
)

// Sentry: the DSN given to sentry.Init in this package names the ingest
// host of the organisation's region.
func initSentry() error {
	return sentry.Init(sentry.ClientOptions{Dsn: "https://key@o1.ingest.de.sentry.io/2"})
}

func reportSignup(u User) {
	sentry.CaptureMessage("signup failed for " + u.Email) // want `^sentry.CaptureMessage to o1.ingest.de.sentry.io sends personal data to Germany`
}

// An error with nothing personal in it is no export.
func reportStartup() {
	sentry.CaptureException(errors.New("config missing"))
}
