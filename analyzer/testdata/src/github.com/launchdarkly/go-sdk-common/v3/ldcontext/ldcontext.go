// Package ldcontext is a stub of github.com/launchdarkly/go-sdk-common/v3/ldcontext.
package ldcontext

type Context struct{ key string }

func New(key string) Context { return Context{key: key} }
