package resolve

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"strings"

	"example.com/resolve/endpoints"
	"example.com/resolve/partner"
)

type Account struct {
	Email string
}

func body(a Account) *bytes.Reader {
	b, _ := json.Marshal(a)
	return bytes.NewReader(b)
}

// Within the package: constants, concatenation, Sprintf, a variable
// assigned once, a field set from a constant, a function's parameter.

const region = "kr"

var mirror = "https://mirror.example." + region

type settings struct{ endpoint string }

var conf = settings{endpoint: "https://conf.example.cn"}

func concat(a Account) {
	http.Post(mirror+"/v1/accounts", "application/json", body(a)) // want `http.Post to mirror.example.kr sends personal data to South Korea`
}

func sprintf(a Account) {
	u := fmt.Sprintf("https://%s.example.%s/v1/%s", "api", "cn", "accounts")
	http.Post(u, "application/json", body(a)) // want `http.Post to api.example.cn sends personal data to China`
}

func field(a Account) {
	http.Post(conf.endpoint+"/a", "application/json", body(a)) // want `http.Post to conf.example.cn sends personal data to China`
}

func send(url string, a Account) {
	http.Post(url, "application/json", body(a)) // want `http.Post to hook.example.cn sends personal data to China` `http.Post to hook.example.de sends personal data to Germany`
}

func callers(a Account) {
	send("https://hook.example.cn/a", a)
	send(strings.TrimSuffix("https://hook.example.de/", "/")+"/a", a)
}

// Across packages: constants, variables, fields and functions of another
// package (through facts).

func imported(a Account) {
	http.Post(endpoints.Partner+"/a", "application/json", body(a))     // want `http.Post to api.partner.cn sends personal data to China`
	http.Post(endpoints.Analytics+"/a", "application/json", body(a))   // want `http.Post to collect.example.kr sends personal data to South Korea`
	http.Post(endpoints.Default.BaseURL, "application/json", body(a))  // want `http.Post to sync.example.sg sends personal data to Singapore`
	http.Post(endpoints.Ingest(), "application/json", body(a))         // want `http.Post to ingest.example.de sends personal data to Germany`
	http.Post(endpoints.URL("/accounts"), "application/json", body(a)) // want `http.Post to collect.example.kr sends personal data to South Korea`
}

// Through a library that sends what it is given.

func library(a Account) {
	partner.PostJSON("https://api.partner.cn/a", a)                                // want `partner.PostJSON \(http.Post\) to api.partner.cn sends personal data to China`
	partner.Track(a)                                                               // want `partner.Track \(http.Post\) to track.example.us sends personal data to the United States`
	partner.New("https://crm.example.kr").Send("/a", a)                            // want `partner.Client.Send \(http.Post\) to crm.example.kr sends personal data to South Korea`
	partner.PostJSON("https://api.partner.cn/rates", map[string]float64{"JPY": 1}) // not personal
}

// What cannot be decided.

var target = flag.String("target", "https://default.example.cn", "where to send")

func fromFlag(a Account) {
	http.Post(*target, "application/json", body(a)) // want `the URL comes from flag -target \[unresolved-destination\]`
}

var dst string

func init() { flag.StringVar(&dst, "dst", "", "destination") }

func fromFlagVar(a Account) {
	http.Post(dst, "application/json", body(a)) // want `the URL comes from flag -dst \[unresolved-destination\]`
}
