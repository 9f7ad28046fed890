package flows

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"google.golang.org/protobuf/proto"
)

const hook = "https://hook.example.cn/v1"

type User struct {
	ID       int64
	Email    string
	Location string
}

// Order is not about a person by its name, but its field is marked.
type Order struct {
	Total    int
	Shipping string `privacy:"personal"`
}

// Product is not personal: Name of a product is not a person's name.
type Product struct {
	Name  string
	Price int
}

// Session holds a user ID, so its other fields are that user's.
type Session struct {
	UserID  int64
	Message string
	Created int64
}

type Email string

func buffer(u User) {
	var buf bytes.Buffer
	buf.WriteString(u.Email)
	http.Post(hook, "text/plain", &buf) // want `http.Post to hook.example.cn sends personal data to China`
}

func builder(u User) {
	var sb strings.Builder
	fmt.Fprintf(&sb, "id=%d", u.ID)
	http.Post(hook, "text/plain", strings.NewReader(sb.String())) // want `http.Post to hook.example.cn`
}

func sprintf(u User) {
	s := fmt.Sprintf("%s at %s", u.Email, u.Location)
	http.Post(hook, "text/plain", strings.NewReader(s)) // want `http.Post to hook.example.cn`
}

func tagged(o Order) {
	b, _ := json.Marshal(o)
	http.Post(hook, "application/json", bytes.NewReader(b)) // want `http.Post to hook.example.cn`
}

func namedType(e Email) {
	http.Get(hook + "?to=" + url.QueryEscape(string(e))) // want `http.Get to hook.example.cn`
}

func strongField(s Session) {
	http.Post(hook, "text/plain", strings.NewReader(s.Message)) // want `http.Post to hook.example.cn`
}

func encode(u User) []byte {
	b, _ := json.Marshal(map[string]any{"who": u.Email})
	return b
}

func helper(u User) {
	http.Post(hook, "application/json", bytes.NewReader(encode(u))) // want `http.Post to hook.example.cn`
}

func slices(users []User) {
	var emails []string
	for _, u := range users {
		emails = append(emails, u.Email)
	}
	http.Post(hook, "text/plain", strings.NewReader(strings.Join(emails, ","))) // want `http.Post to hook.example.cn`
}

func closure(u User) {
	send := func() {
		http.Post(hook, "text/plain", strings.NewReader(u.Email)) // want `http.Post to hook.example.cn`
	}
	send()
}

func unmarshal(raw []byte) {
	var u User
	json.Unmarshal(raw, &u)
	go http.Post(hook, "text/plain", strings.NewReader(u.Email)) // want `http.Post to hook.example.cn`
}

// SignupEvent is a protocol buffer message.
type SignupEvent struct {
	Email string
}

func (*SignupEvent) ProtoReflect() any { return nil }

func protoMarshal(e *SignupEvent) {
	b, _ := proto.Marshal(e)
	http.Post(hook, "application/x-protobuf", bytes.NewReader(b)) // want `http.Post to hook.example.cn`
}

// Look-alikes.

func product(p Product) {
	b, _ := json.Marshal(p)
	http.Post(hook, "application/json", bytes.NewReader(b))
}

func notPersonalField(s Session) {
	http.Get(fmt.Sprintf("%s?t=%d", hook, s.Created))
}

func length(u User) {
	http.Get(fmt.Sprintf("%s?n=%d", hook, len(u.Email)))
}

func received(r *http.Request) {
	var u User
	json.NewDecoder(r.Body).Decode(&u)
	http.Get(hook + "/ping")
}
