package undisclosed

import (
	"net/http"
	"strings"
)

type Customer struct {
	Email string
}

func send(c Customer) {
	http.Post("https://api.example.kr/c", "text/plain", strings.NewReader(c.Email)) // named: no finding
	http.Post("https://api.example.us/c", "text/plain", strings.NewReader(c.Email)) // named: no finding
	http.Post("https://api.example.jp/c", "text/plain", strings.NewReader(c.Email)) // home: no finding
	http.Post("https://api.example.cn/c", "text/plain", strings.NewReader(c.Email)) // want `^http.Post to api.example.cn sends personal data to China \(country-code TLD .cn\), which the notice never names \[undisclosed-country\]$`
	http.Post("https://api.example.io/c", "text/plain", strings.NewReader(c.Email)) // want `^http.Post to api.example.io: cannot decide where it sends personal data: no public rule places the host; add a host block \[unresolved-destination\]$`
}
