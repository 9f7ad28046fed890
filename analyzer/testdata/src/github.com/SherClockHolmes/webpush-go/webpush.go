// Package webpush is a stub of github.com/SherClockHolmes/webpush-go.
package webpush

import "net/http"

type Keys struct {
	Auth   string
	P256dh string
}

type Subscription struct {
	Endpoint string
	Keys     Keys
}

type Options struct {
	Subscriber      string
	VAPIDPublicKey  string
	VAPIDPrivateKey string
	TTL             int
}

func SendNotification(message []byte, s *Subscription, options *Options) (*http.Response, error) {
	return nil, nil
}
