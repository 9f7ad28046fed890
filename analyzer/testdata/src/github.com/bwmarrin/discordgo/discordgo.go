// Package discordgo is a stub of github.com/bwmarrin/discordgo.
package discordgo

import "net/http"

type Session struct {
	Token  string
	Client *http.Client
}

type Message struct{ Content string }

type Channel struct{ Name string }

func New(token string) (*Session, error) { return &Session{Token: token}, nil }

func (s *Session) ChannelMessageSend(channelID string, content string) (*Message, error) {
	_, err := s.Client.Post("https://discord.com/api/v9/channels/"+channelID+"/messages", "application/json", nil)
	return &Message{Content: content}, err
}

func (s *Session) Channel(channelID string) (*Channel, error) { return &Channel{}, nil }
