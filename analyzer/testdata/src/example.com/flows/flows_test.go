package flows

import (
	"net/http"
	"strings"
	"testing"
)

// Tests send their fixtures to test servers: not exports.
func TestPost(t *testing.T) {
	u := User{Email: "a@example.jp"}
	http.Post("https://staging.example.cn/v1", "text/plain", strings.NewReader(u.Email))
}
