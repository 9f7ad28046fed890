// The photos service tells its partner about every new user: its module
// loads, and its finding is reported although the broken module does not.
package main

import (
	"net/http"
	"strings"
)

type User struct {
	Email string
}

func main() {
	u := User{Email: "a@example.jp"}
	http.Post("https://hooks.partner.example.cn/v1/users", "text/plain", strings.NewReader(u.Email))
}
