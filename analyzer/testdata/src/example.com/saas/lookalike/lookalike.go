// Package lookalike has a method of the same name as discordgo's, in
// another import path: it is followed as code, not known as an SDK.
package lookalike

type Session struct{ log []string }

func (s *Session) ChannelMessageSend(channelID string, content string) (string, error) {
	s.log = append(s.log, content)
	return "", nil
}
