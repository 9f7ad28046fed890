package nonotice // want `^no privacy notice found from this folder up to .* \(looked for PRIVACY.md, PRIVACY.\*.md, privacy\*.md, docs/privacy\*.md\): the calls here that send or store personal data are not checked; name one with -noticevet.notice$`

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
