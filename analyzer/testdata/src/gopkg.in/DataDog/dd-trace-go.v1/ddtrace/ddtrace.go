// Package ddtrace is a stub of gopkg.in/DataDog/dd-trace-go.v1/ddtrace.
package ddtrace

// Span is the interface every span implements.
type Span interface {
	SetTag(key string, value interface{})
	Finish()
}
