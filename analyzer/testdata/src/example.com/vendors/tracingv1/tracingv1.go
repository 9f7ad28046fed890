// Package tracingv1 starts dd-trace-go v1's tracer with a trace agent on
// another host: its spans are exports.
package tracingv1

import "gopkg.in/DataDog/dd-trace-go.v1/ddtrace/tracer"

type User struct {
	ID    string
	Email string
}

func Start() {
	tracer.Start(tracer.WithAgentAddr("trace-agent.example.de:8126"))
}

func traceSignup(u User) {
	s := tracer.StartSpan("signup")
	s.SetTag("email", u.Email)                             // want `^ddtrace.Span.SetTag to trace-agent.example.de sends personal data to Germany`
	tracer.SetUser(s, u.ID, tracer.WithUserEmail(u.Email)) // want `^tracer.SetUser to trace-agent.example.de sends personal data to Germany`
	s.SetTag("plan", "free")
	s.Finish()
}
