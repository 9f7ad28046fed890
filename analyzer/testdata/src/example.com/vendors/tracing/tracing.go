// Package tracing starts the tracer with a trace agent on another host:
// its spans are exports.
package tracing

import "github.com/DataDog/dd-trace-go/v2/ddtrace/tracer"

type User struct {
	ID    string
	Email string
}

func Start() error {
	return tracer.Start(tracer.WithAgentAddr("trace-agent.example.de:8126"))
}

func traceSignup(u User) {
	s := tracer.StartSpan("signup")
	s.SetTag("email", u.Email) // want `^tracer.Span.SetTag to trace-agent.example.de sends personal data to Germany`
	tracer.SetUser(s, u.ID)    // want `^tracer.SetUser to trace-agent.example.de sends personal data to Germany`
	s.SetTag("plan", "free")
}
