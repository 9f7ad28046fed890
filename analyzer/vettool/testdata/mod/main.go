package main

import (
	"bytes"
	"encoding/json"
	"net/http"

	"example.com/vetmod/internal/store"
)

type User struct {
	Email string
}

func main() {
	u := User{Email: "a@example.jp"}
	b, _ := json.Marshal(u)
	http.Post("https://api.partner.cn/v1/users", "application/json", bytes.NewReader(b))
	http.Get("https://api.partner.cn/v1/rates")
	store.Save(u.Email)
}
