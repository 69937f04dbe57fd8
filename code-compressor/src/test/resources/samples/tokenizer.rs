//! A small tokenizer for arithmetic expressions.

use std::fmt;
use std::iter::Peekable;
use std::str::Chars;

#[derive(Debug, Clone, PartialEq)]
pub enum Token {
    Number(f64),
    Ident(String),
    Op(char),
    LParen,
    RParen,
}

#[derive(Debug)]
pub struct LexError {
    pub position: usize,
    pub message: String,
}

impl fmt::Display for LexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at {}: {}", self.position, self.message)
    }
}

pub struct Lexer<'a> {
    chars: Peekable<Chars<'a>>,
    position: usize,
}

impl<'a> Lexer<'a> {
    pub fn new(input: &'a str) -> Self {
        Lexer { chars: input.chars().peekable(), position: 0 }
    }

    /// Reads all tokens, or the first error.
    pub fn tokenize(mut self) -> Result<Vec<Token>, LexError> {
        let mut tokens = Vec::new();
        while let Some(&c) = self.chars.peek() {
            if c.is_whitespace() {
                self.bump();
            } else if c.is_ascii_digit() || c == '.' {
                tokens.push(self.number()?);
            } else if c.is_alphabetic() || c == '_' {
                tokens.push(self.ident());
            } else if "+-*/^%".contains(c) {
                self.bump();
                tokens.push(Token::Op(c));
            } else if c == '(' {
                self.bump();
                tokens.push(Token::LParen);
            } else if c == ')' {
                self.bump();
                tokens.push(Token::RParen);
            } else {
                return Err(self.error(format!("unexpected character {:?}", c)));
            }
        }
        Ok(tokens)
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.chars.next();
        if c.is_some() {
            self.position += 1;
        }
        c
    }

    fn number(&mut self) -> Result<Token, LexError> {
        let start = self.position;
        let mut text = String::new();
        while let Some(&c) = self.chars.peek() {
            if c.is_ascii_digit() || c == '.' || c == 'e' {
                text.push(c);
                self.bump();
            } else {
                break;
            }
        }
        text.parse::<f64>()
            .map(Token::Number)
            .map_err(|e| LexError { position: start, message: e.to_string() })
    }

    fn ident(&mut self) -> Token {
        let mut name = String::new();
        while let Some(&c) = self.chars.peek() {
            if c.is_alphanumeric() || c == '_' {
                name.push(c);
                self.bump();
            } else {
                break;
            }
        }
        Token::Ident(name)
    }

    fn error(&self, message: String) -> LexError {
        LexError { position: self.position, message }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokenizes_a_simple_expression() {
        let tokens = Lexer::new("2 * (x + 3.5)").tokenize().unwrap();
        assert_eq!(tokens.len(), 7);
        assert_eq!(tokens[0], Token::Number(2.0));
        assert_eq!(tokens[2], Token::LParen);
        assert_eq!(tokens[4], Token::Op('+'));
        assert_eq!(tokens[6], Token::RParen);
    }
}
