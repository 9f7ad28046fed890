package deps

import (
	"bytes"
	"io"
	"net"
	"net/http"

	"example.com/deps/page"
	"github.com/PuerkitoBio/goquery"
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
