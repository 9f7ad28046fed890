// Package notify sends a user's address to a URL its callers give: where
// it goes is theirs to say, so the call inside is no finding of its own
// (noticevet check reports only the callers; go vet does the same).
package notify

import (
	"net/http"
	"strings"
)

// User is a customer.
type User struct {
	Email string
}

// Send posts the user's address to url.
func Send(url string, u User) error {
	_, err := http.Post(url, "text/plain", strings.NewReader(u.Email))
	return err
}

// Announce posts the user's address to a host of its own: it decides the
// destination, so the call inside is the finding.
func Announce(u User) error {
	_, err := http.Post("https://hooks.example.cn/new", "text/plain", strings.NewReader(u.Email)) // want `^http.Post to hooks.example.cn sends personal data to China`
	return err
}

// Reporter posts the address of the newest user, which it looks up
// itself, to the URL its caller gives.
type Reporter struct {
	URL string
}

func newest() User { return User{} }

// Report posts it: a caller that gives the URL as text decides where it
// goes and is the finding; one that gives only an environment variable
// decides nothing, and the call inside stays the site (noticevet check
// reports it there, naming the variable; go vet, which sees one package
// at a time, reports the note at the caller).
func (r *Reporter) Report() error {
	_, err := http.Post(r.URL, "text/plain", strings.NewReader(newest().Email))
	return err
}

// Store keeps users; what implements it is where they go.
type Store interface {
	Save(u User) error
}

// Service registers users in the store its caller gives.
type Service struct {
	st Store
}

// NewService makes a service that saves to st.
func NewService(st Store) *Service { return &Service{st: st} }

// Register saves the newest user: the store's own Save is the site.
func (s *Service) Register() error { return s.st.Save(newest()) }
