package suppressed

import (
	"net/http"
	"strings"
)

type Customer struct {
	Email string
}

func send(c Customer) {
	//noticevet:ignore undisclosed-country the partner moved to Seoul in March (PRIV-7)
	http.Post("https://api.example.cn/above", "text/plain", strings.NewReader(c.Email))

	http.Post("https://api.example.cn/same", "text/plain", strings.NewReader(c.Email)) //noticevet:ignore undisclosed-country contract PRIV-8

	//noticevet:ignore false-claim,undisclosed-country reviewed with legal
	http.Post("https://api.example.cn/list", "text/plain", strings.NewReader(c.Email))

	//noticevet:ignore undisclosed-country
	http.Post("https://api.example.cn/noreason", "text/plain", strings.NewReader(c.Email)) // want `^http.Post to api.example.cn sends personal data to China \(country-code TLD .cn\), which the notice never names, and the noticevet:ignore comment above it gives no reason \[undisclosed-country\]$`

	//noticevet:ignore unresolved-destination another rule
	http.Post("https://api.example.cn/other", "text/plain", strings.NewReader(c.Email)) // want `^http.Post to api.example.cn sends personal data to China \(country-code TLD .cn\), which the notice never names \[undisclosed-country\]$`

	http.Post("https://api.example.cn/plain", "text/plain", strings.NewReader(c.Email)) // want `which the notice never names \[undisclosed-country\]$`
}
