// Package worker captures errors with Sentry but does not initialise it:
// the DSN is given elsewhere.
package worker

import "github.com/getsentry/sentry-go"

type Account struct{ Email string }

func fail(a Account) {
	sentry.CaptureMessage("cannot bill " + a.Email) // want `^sentry.CaptureMessage: cannot decide where it sends personal data: the Sentry host is the one given to sentry.Init, which this package does not call`
}
