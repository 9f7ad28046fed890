// Package ldcomponents is a stub of github.com/launchdarkly/go-server-sdk/v7/ldcomponents.
package ldcomponents

import "github.com/launchdarkly/go-server-sdk/v7/interfaces"

func RelayProxyEndpoints(relayProxyBaseURI string) interfaces.ServiceEndpoints {
	return interfaces.ServiceEndpoints{Streaming: relayProxyBaseURI, Polling: relayProxyBaseURI, Events: relayProxyBaseURI}
}
