package httpsite

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"strings"
)

type User struct {
	ID    int64
	Email string
	Name  string
}

// Rates is not about a person.
type Rates struct {
	Currency string
	Rate     float64
}

const partner = "https://api.partner.cn"

func postJSON(u User) {
	b, _ := json.Marshal(u)
	http.Post(partner+"/v1/users", "application/json", bytes.NewReader(b)) // want `^http.Post to api.partner.cn sends personal data to China \(country-code TLD .cn\), but PRIVACY.md:6 says it is not transferred outside Japan \[false-claim\]$`
}

func postForm(u User) {
	http.PostForm("https://forms.example.kr/signup", url.Values{"email": {u.Email}}) // want `^http.PostForm to forms.example.kr sends personal data to South Korea \(country-code TLD .kr\), but PRIVACY.md:6 says it is not transferred outside Japan \[false-claim\]$`
}

func getWithQuery(u User) {
	http.Get("https://lookup.example.de/v1?email=" + url.QueryEscape(u.Email)) // want `http.Get to lookup.example.de sends personal data to Germany`
}

func newRequestDo(ctx context.Context, u User) error {
	var buf bytes.Buffer
	json.NewEncoder(&buf).Encode(u)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "https://api.partner.cn/v2/profile", &buf)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	_, err = http.DefaultClient.Do(req) // want `http.Client.Do to api.partner.cn sends personal data to China`
	return err
}

func headerOnly(u User) {
	req, _ := http.NewRequest("GET", "https://api.partner.us/v1/me", nil)
	req.Header.Set("X-User-Email", u.Email)
	client := &http.Client{}
	client.Do(req) // want `http.Client.Do to api.partner.us sends personal data to the United States`
}

func clientPost(c *http.Client, u User) {
	c.Post("https://api.partner.cn/v1/users", "text/plain", strings.NewReader(u.Email)) // want `http.Client.Post to api.partner.cn sends personal data to China`
}

func builtURL(u User) {
	target := url.URL{Scheme: "https", Host: "collect.example.kr", Path: "/v1/events"}
	q := target.Query()
	q.Set("user", u.Email)
	target.RawQuery = q.Encode()
	http.Get(target.String()) // want `http.Get to collect.example.kr sends personal data to South Korea`
}

func formValue(w http.ResponseWriter, r *http.Request) {
	email := r.FormValue("email")
	http.Post("https://hooks.example.cn/signup", "text/plain", strings.NewReader(email)) // want `http.Post to hooks.example.cn sends personal data to China`
}

// Look-alikes that are not exports of personal data.

func publicGet() {
	http.Get("https://api.partner.cn/v1/rates")
}

func homeCountry(u User) {
	b, _ := json.Marshal(u)
	http.Post("https://api.example.jp/v1/users", "application/json", bytes.NewReader(b))
}

func nonPersonal(r Rates) {
	b, _ := json.Marshal(r)
	http.Post("https://api.partner.cn/v1/rates", "application/json", bytes.NewReader(b))
}

func loopback(u User) {
	http.Post("http://localhost:8126/v1/users", "application/json", strings.NewReader(u.Email))
}

func fromEnv(u User) {
	b, _ := json.Marshal(u)
	http.Post(os.Getenv("PARTNER_URL"), "application/json", bytes.NewReader(b)) // want `^http.Post: cannot decide where it sends personal data: the URL comes from os.Getenv\("PARTNER_URL"\) \[unresolved-destination\]$`
}

// pollMessage is what the service says of a poll: IDs and an event. Its
// name alone makes nothing personal, so a poll forwarded with an empty
// body and its ID in a header is no export.
type pollMessage struct {
	ID      string
	Event   string
	Message string
}

func forwardPoll(m *pollMessage) {
	req, _ := http.NewRequest("POST", "https://upstream.example.us/poll", http.NoBody)
	req.Header.Set("X-Poll-ID", m.ID)
	http.DefaultClient.Do(req)
	req, _ = http.NewRequest("POST", "https://upstream.example.us/poll", nil)
	req.Header.Set("X-Poll-ID", m.ID)
	http.DefaultClient.Do(req)
}

// chatMessage holds what a person wrote: its author is a User, so its
// text is theirs.
type chatMessage struct {
	ID     string
	Text   string
	Author User
}

func forwardChat(m *chatMessage) {
	http.Post("https://upstream.example.us/chat", "text/plain", strings.NewReader(m.Text)) // want `http.Post to upstream.example.us sends personal data to the United States`
}

// joined builds its URL with url.JoinPath: the host is the base's, the
// token and method are path elements after it.
func joined(u User, token string) {
	endpoint, _ := url.JoinPath("https://api.partner.cn", "/bot"+token, "/sendMessage")
	req, _ := http.NewRequest(http.MethodPost, endpoint, strings.NewReader(u.Email))
	http.DefaultClient.Do(req) // want `^http.Client.Do to api.partner.cn sends personal data to China`
}

// fetchFeed authenticates to the feed's own site with the account the
// user holds there: credentials for the destination, not data sent to it.
func fetchFeed(username, password, token string) {
	req, _ := http.NewRequest(http.MethodGet, "https://feeds.example.cn/rss", nil)
	req.SetBasicAuth(username, password)
	http.DefaultClient.Do(req)

	req2, _ := http.NewRequest(http.MethodGet, "https://feeds.example.cn/atom", nil)
	req2.Header.Set("Authorization", "Basic "+username+":"+password)
	http.DefaultClient.Do(req2)
}

// tellPartner sends the user's email in a header of its own: data.
func tellPartner(u User) {
	req, _ := http.NewRequest(http.MethodGet, "https://api.partner.cn/v1/ping", nil)
	req.Header.Set("X-User-Email", u.Email)
	http.DefaultClient.Do(req) // want `^http.Client.Do to api.partner.cn sends personal data to China`
}

// Feed is what a user subscribed to, with the agent to fetch it as.
type Feed struct {
	URL       string
	UserAgent string
}

// fetchAs presents the service to the feed's site as the agent a user
// configured, or its own: the client's name, not data sent.
func fetchAs(f Feed, userAgent string) {
	req, _ := http.NewRequest(http.MethodGet, "https://feeds.example.cn/rss", nil)
	req.Header.Set("User-Agent", f.UserAgent)
	http.DefaultClient.Do(req)

	req2, _ := http.NewRequest(http.MethodGet, "https://feeds.example.cn/atom", nil)
	req2.Header.Set("User-Agent", userAgent)
	http.DefaultClient.Do(req2)
}

// relayVisit forwards the browser's agent of the request it serves: data.
func relayVisit(r *http.Request) {
	ua := r.Header.Get("User-Agent")
	req, _ := http.NewRequest(http.MethodPost, "https://collect.partner.cn/v1/hit", nil)
	req.Header.Set("User-Agent", ua)
	http.DefaultClient.Do(req) // want `^http.Client.Do to collect.partner.cn sends personal data to China`
}

// reportAgent puts a feed's agent in the URL of a hit, as a parameter
// named like the header: data, as before.
func reportAgent(f Feed) {
	q := url.Values{}
	q.Set("User-Agent", f.UserAgent)
	http.Get("https://collect.partner.cn/v1/hit?" + q.Encode()) // want `^http.Get to collect.partner.cn sends personal data to China`
}
