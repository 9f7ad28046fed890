// Package lookalike has methods named as the SDKs' ones in another
// import path: they are followed as code, not known as SDK calls.
package lookalike

type ApiService struct{ outbox []string }

func (s *ApiService) CreateMessage(to, body string) {
	s.outbox = append(s.outbox, to+": "+body)
}

type Mailer struct{ sent []string }

func (m *Mailer) Send(to, body string) { m.sent = append(m.sent, to+body) }

func (m *Mailer) SetAPIBase(url string) {}
