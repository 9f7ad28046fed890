package deps

import (
	"bytes"
	"io"
	"net"
	"net/http"

	"example.com/deps/page"
	"github.com/PuerkitoBio/goquery"
	"github.com/mitchellh/mapstructure"
	"golang.org/x/net/html"
)

type Member struct {
	Email   string
	Website string
}

// A page fetched for a member: the GET is the site; the HTML cleaned in
// memory after it is no send.
func fetch(m Member) {
	page.Fetch("https://pages.example.cn/" + m.Email) // want `^page.Fetch \(http.Client.Do\) to pages.example.cn sends personal data to China`
}

// The same in one function.
func clean(m Member) string {
	resp, err := http.Get("https://pages.example.cn/?u=" + m.Email) // want `^http.Get to pages.example.cn sends personal data to China`
	if err != nil {
		return ""
	}
	defer resp.Body.Close()
	doc, _ := goquery.NewDocumentFromReader(resp.Body)
	doc.Find("script").Remove()
	root, _ := html.Parse(resp.Body)
	root.RemoveChild(root.FirstChild)
	return doc.Text()
}

// Must find: what was read from one connection and written to another.
func relay(m Member) {
	resp, err := http.Get("https://pages.example.cn/?u=" + m.Email) // want `^http.Get to pages.example.cn sends personal data to China`
	if err != nil {
		return
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	conn, _ := net.Dial("tcp", "relay.example.kr:9000")
	conn.Write(body) // want `^net.Conn.Write to relay.example.kr sends personal data to South Korea`
	root, _ := html.Parse(bytes.NewReader(body))
	http.Post("https://mirror.example.de/", "text/html", bytes.NewReader([]byte(root.Data))) // want `^http.Post to mirror.example.de sends personal data to Germany`
}

// Claims are what an identity provider said of a member, with the request
// that asked for them.
type Claims struct {
	Issuer string
	Email  string
	Origin *http.Request
}

// Claims a provider returned, turned into a map in memory: no send, even
// though their issuer is a URL.
func toMap(c *Claims) map[string]interface{} {
	data := map[string]interface{}{}
	mapstructure.Decode(c, &data)
	return data
}

func claims(m Member) map[string]interface{} {
	req, _ := http.NewRequest("GET", "https://idp.example.cn/userinfo", nil)
	c := &Claims{Issuer: "https://idp.example.cn", Email: m.Email, Origin: req}
	return toMap(c)
}

// Must find: a decoded map then sent.
func forward(m Member) {
	data := map[string]interface{}{}
	mapstructure.Decode(m, &data)
	http.Post("https://crm.example.kr/", "application/json", bytes.NewReader([]byte(data["Email"].(string)))) // want `^http.Post to crm.example.kr sends personal data to South Korea`
}
