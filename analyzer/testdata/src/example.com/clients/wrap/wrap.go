// Package wrap calls wrappers of net/http: one of its module (hooks) and
// one of a dependency (notify).
package wrap

import (
	"github.com/acme/notify"

	"example.com/clients/hooks"
)

type User struct {
	Email string
	Name  string
}

// The caller that supplies the URL and the personal data is the site,
// once; the wrapper's own call is not.
func signup(u User) error {
	return hooks.Post("https://crm.example.kr/leads", map[string]string{"email": u.Email}) // want `^hooks.Post \(http.Post\) to crm.example.kr sends personal data to South Korea`
}

// Look-alike: the wrapper given nothing personal.
func heartbeat() error {
	return hooks.Post("https://crm.example.kr/ping", map[string]string{"status": "ok"})
}

// A dependency's API is the site, named as the service calls it.
func alert(u User) error {
	return notify.New("https://push.example.cn").Send(u.Email, "welcome") // want `^notify.Client.Send to push.example.cn sends personal data to China`
}

// Look-alike: the dependency given nothing personal.
func status() error {
	return notify.New("https://push.example.cn").Send("ops", "deploy done")
}
