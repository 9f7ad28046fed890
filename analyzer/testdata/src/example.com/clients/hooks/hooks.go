// Package hooks is a wrapper of net/http inside the module: the callers
// that give it the URL and the data are the sites, not its own call.
package hooks

import (
	"bytes"
	"encoding/json"
	"net/http"
)

// Post sends body as JSON to url.
func Post(url string, body any) error {
	b, err := json.Marshal(body)
	if err != nil {
		return err
	}
	resp, err := http.Post(url, "application/json", bytes.NewReader(b))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
