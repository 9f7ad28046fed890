// Package tracingv1local sends spans to the trace agent on the local
// machine (the default): no export.
package tracingv1local

import "gopkg.in/DataDog/dd-trace-go.v1/ddtrace/tracer"

type User struct{ Email string }

func Start() { tracer.Start() }

func traceSignup(u User) {
	s := tracer.StartSpan("signup")
	s.SetTag("email", u.Email)
	s.Finish()
}
