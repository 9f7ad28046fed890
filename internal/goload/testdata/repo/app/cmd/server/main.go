package main

import (
	"database/sql"
	"os"

	"example.com/app/api"
	"example.com/app/hook"
	"example.com/app/store"
)

func main() {
	db, _ := sql.Open("postgres", "host=db.example.kr user=app")
	st := store.New(db)
	st.Save(store.Customer{Email: "a@example.jp"})

	c := &api.Client{BaseURL: "https://hooks.example.cn"}
	c.Notify("a@example.jp")

	api.Welcome("https://welcome.example.us/w", "a@example.jp")

	signups := hook.New(os.Getenv("SIGNUP_HOOK"))
	signups.Joined()
	signups.Left()
	hook.New(os.Getenv("AUDIT_HOOK")).Joined()
}
