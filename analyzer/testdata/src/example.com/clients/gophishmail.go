package clients

import gophish "github.com/gophish/gomail"

// gophish's gomail fork: NewWithDialer's host is the mail server; the
// sender its Dial returns sends; building a message sends nothing.
func campaign(u User) error {
	d := gophish.NewWithDialer(nil, "smtp.example.kr", 587, "", "")
	s, err := d.Dial()
	if err != nil {
		return err
	}
	m := gophish.NewMessage()
	m.SetHeader("To", u.Email)
	m.SetBody("text/plain", "Hello "+u.Name)
	return gophish.SendCustomFrom(s, "noreply@example.jp", m) // want `^gomail.SendCustomFrom to smtp.example.kr sends personal data to South Korea`
}

// A sender whose server nothing here says is still a send: a note.
func relay(s gophish.SendCloser, u User) error {
	m := gophish.NewMessage()
	m.SetHeader("To", u.Email)
	return gophish.SendCustomFrom(s, "noreply@example.jp", m) // want `^gomail.SendCustomFrom: cannot decide where it sends personal data: its client comes from parameter s of relay`
}

func relayAll(u User) error { return relay(nil, u) }
