package netsite

import (
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/smtp"
	"os"
)

type Member struct {
	Email    string
	Nickname string
}

func dial(m Member) {
	conn, _ := net.Dial("tcp", "collector.example.cn:9000")
	defer conn.Close()
	conn.Write([]byte(m.Email)) // want `^net.Conn.Write to collector.example.cn sends personal data to China \(country-code TLD .cn\), but PRIVACY.md:6 says it is not transferred outside Japan \[false-claim\]$`
}

func fprintf(m Member) {
	conn, _ := net.Dial("tcp", net.JoinHostPort("logs.example.kr", "514"))
	fmt.Fprintf(conn, "signup %s\n", m.Email) // want `fmt.Fprintf to logs.example.kr sends personal data to South Korea`
}

func encoder(m Member) {
	var d net.Dialer
	conn, _ := d.Dial("tcp", "stream.example.de:7000")
	json.NewEncoder(conn).Encode(m) // want `json.Encoder.Encode to stream.example.de sends personal data to Germany`
}

func mail(m Member) error {
	msg := []byte("Subject: welcome\r\n\r\nHello " + m.Nickname)
	return smtp.SendMail("smtp.example.kr:587", nil, "noreply@example.jp", []string{m.Email}, msg) // want `smtp.SendMail to smtp.example.kr sends personal data to South Korea`
}

func mailClient(m Member) error {
	c, err := smtp.Dial("mx.example.cn:25")
	if err != nil {
		return err
	}
	return c.Rcpt(m.Email) // want `smtp.Client.Rcpt to mx.example.cn sends personal data to China`
}

// Look-alikes.

func local(m Member) {
	conn, _ := net.Dial("tcp", "127.0.0.1:9000")
	conn.Write([]byte(m.Email))
	u, _ := net.Dial("unix", "/var/run/agent.sock")
	u.Write([]byte(m.Email))
}

func heartbeat() {
	conn, _ := net.Dial("tcp", "collector.example.cn:9000")
	conn.Write([]byte("PING"))
	fmt.Fprintf(conn, "PING %d\n", 1)
}

// A writer given as a parameter is no destination by itself: printing to
// the terminal, or answering the request that asked, sends nothing away.
// A caller that passes a connection makes the call inside a site.

func Print(w io.Writer, m Member) {
	fmt.Fprintf(w, "member %s\n", m.Email) // want `^fmt.Fprintf to audit.example.cn sends personal data to China`
}

func toTerminal(m Member) { Print(os.Stdout, m) }

func toAudit(m Member) {
	conn, _ := net.Dial("tcp", "audit.example.cn:9000")
	Print(conn, m)
}

func answer(w http.ResponseWriter, r *http.Request) {
	m := Member{Email: r.FormValue("email")}
	fmt.Fprintf(w, "welcome %s\n", m.Email)
	io.WriteString(w, m.Email)
}
