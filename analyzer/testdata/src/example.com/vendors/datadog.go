package vendors

import (
	"github.com/DataDog/datadog-go/v5/statsd"
	"github.com/DataDog/dd-trace-go/v2/ddtrace/tracer"
)

// DogStatsD to the local agent: a call to this machine is no export.
func countSignup(u User) {
	c, _ := statsd.New("127.0.0.1:8125")
	c.Event(&statsd.Event{Title: "signup", Text: u.Email})
	c.Incr("signup", []string{"user:" + u.Email}, 1)
}

// An empty address is the agent named by DD_AGENT_HOST, or localhost.
func countSignupDefault(u User) {
	c, _ := statsd.New("")
	c.Event(&statsd.Event{Title: "signup", Text: u.Email})
}

// A remote DogStatsD host is an export.
func countSignupRemote(u User) {
	c, _ := statsd.New("statsd.example.de:8125")
	c.Event(&statsd.Event{Title: "signup", Text: u.Email}) // want `^statsd.Client.Event to statsd.example.de sends personal data to Germany`
}

// dd-trace-go: spans go to the trace agent this package starts the tracer
// with; without WithAgentAddr it is localhost:8126, no export.
func startTracing() {
	tracer.Start(tracer.WithService("web"))
}

func traceSignup(u User) {
	s := tracer.StartSpan("signup")
	s.SetTag("email", u.Email)
	tracer.SetUser(s, u.ID)
	s.Finish()
}
