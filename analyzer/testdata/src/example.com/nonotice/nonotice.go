package nonotice

import (
	"net/http"
	"strings"
)

type Guest struct {
	Email string
}

func send(g Guest) {
	http.Post("https://api.example.kr/g", "text/plain", strings.NewReader(g.Email)) // named by the notice
	http.Post("https://api.example.cn/g", "text/plain", strings.NewReader(g.Email))
	http.Post("https://api.example.jp/g", "text/plain", strings.NewReader(g.Email)) // home
}
