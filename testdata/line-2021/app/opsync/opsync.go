// Package opsync sends account records to the affiliate that operates the
// backend, so its engineers can investigate user reports.
package opsync

import (
	"bytes"
	"encoding/json"
	"net/http"
)

// User is an account as the messaging backend keeps it.
type User struct {
	UserID string `json:"user_id"`
	Name   string `json:"name"`
	Email  string `json:"email"`
	Phone  string `json:"phone"`
}

const opsEndpoint = "https://ops-sync.affiliate-dev.cn/v1/users"

// Push sends one account to the affiliate's operations system.
func Push(u User) error {
	body, err := json.Marshal(u)
	if err != nil {
		return err
	}
	resp, err := http.Post(opsEndpoint, "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Status fetches the public service status page; it carries no personal data.
func Status() (int, error) {
	resp, err := http.Get("https://status.affiliate-dev.cn/v1/status")
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}
