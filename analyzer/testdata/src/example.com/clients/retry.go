// Package clients holds the sites of HTTP client and mail libraries,
// followed as net/http and net/smtp are, with look-alikes.
package clients

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"os"

	retryablehttp "github.com/hashicorp/go-retryablehttp"
)

type User struct {
	Email string
	Name  string
}

// go-retryablehttp: a request built with NewRequest and sent with Do.
func register(u User) error {
	body, _ := json.Marshal(u)
	req, err := retryablehttp.NewRequest("POST", "https://api.example.kr/users", body)
	if err != nil {
		return err
	}
	_, err = retryablehttp.NewClient().Do(req) // want `^retryablehttp.Client.Do to api.example.kr sends personal data to South Korea`
	return err
}

// Post, PostForm and the package's default client.
func subscribe(u User) {
	c := retryablehttp.NewClient()
	c.Post("https://lists.example.cn/subscribe", "application/json", u)                            // want `^retryablehttp.Client.Post to lists.example.cn sends personal data to China`
	c.PostForm("https://forms.example.sg/join", url.Values{"email": {u.Email}})                    // want `^retryablehttp.Client.PostForm to forms.example.sg sends personal data to Singapore`
	retryablehttp.Post(os.Getenv("HOOK_URL"), "application/json", bytes.NewReader([]byte(u.Name))) // want `^retryablehttp.Post: cannot decide where it sends personal data: the URL comes from os.Getenv\("HOOK_URL"\)`
}

// StandardClient is a net/http client: its calls are net/http's.
func standard(u User) {
	c := retryablehttp.NewClient().StandardClient()
	c.Post("https://api.example.kr/v2/users", "text/plain", bytes.NewReader([]byte(u.Email))) // want `^http.Client.Post to api.example.kr sends personal data to South Korea`
}

// Look-alikes: a GET of a public page carries no personal data; a request
// built and never sent sends nothing; one to this machine is no export.
func lookalikes(u User) {
	c := retryablehttp.NewClient()
	c.Get("https://status.example.kr/health")
	retryablehttp.NewRequest("POST", "https://api.example.kr/users", u.Email)
	req, _ := retryablehttp.NewRequest("POST", "http://127.0.0.1:8080/users", u.Email)
	c.Do(req)
	var _ = http.MethodGet
}
