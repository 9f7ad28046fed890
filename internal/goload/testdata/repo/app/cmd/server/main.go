package main

import (
	"database/sql"

	"example.com/app/api"
	"example.com/app/store"
)

func main() {
	db, _ := sql.Open("postgres", "host=db.example.kr user=app")
	st := store.New(db)
	st.Save(store.Customer{Email: "a@example.jp"})

	c := &api.Client{BaseURL: "https://hooks.example.cn"}
	c.Notify("a@example.jp")

	api.Welcome("https://welcome.example.us/w", "a@example.jp")
}
