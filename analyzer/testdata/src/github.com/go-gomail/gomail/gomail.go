// Package gomail is a stub of github.com/go-gomail/gomail.
package gomail

import (
	"io"
	"net/smtp"
	"strconv"
)

type Message struct {
	header map[string][]string
	body   string
}

func NewMessage() *Message { return &Message{header: map[string][]string{}} }

func (m *Message) SetHeader(field string, value ...string) { m.header[field] = value }

func (m *Message) SetAddressHeader(field, address, name string) {
	m.header[field] = []string{address}
}

func (m *Message) SetBody(contentType, body string) { m.body = body }

func (m *Message) WriteTo(w io.Writer) (int64, error) {
	n, err := io.WriteString(w, m.body)
	return int64(n), err
}

type Dialer struct {
	Host      string
	Port      int
	Username  string
	Password  string
	LocalName string
}

func NewDialer(host string, port int, username, password string) *Dialer {
	return &Dialer{Host: host, Port: port, Username: username, Password: password}
}

func (d *Dialer) DialAndSend(m ...*Message) error {
	c, err := smtp.Dial(d.Host + ":" + strconv.Itoa(d.Port))
	if err != nil {
		return err
	}
	for _, msg := range m {
		for _, to := range msg.header["To"] {
			c.Rcpt(to)
		}
	}
	return nil
}
