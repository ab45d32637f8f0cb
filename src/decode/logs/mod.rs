//! Readers of the logs family: IIS W3C logs (`iis`), Exchange CSV logs (`exchange_csv`), Failed
//! Request Tracing (`freb`) and HAR files (`har`). They
//! return typed records (`row::LogRow` is the row every log shares); `explain::logs` writes the
//! cards.

pub mod exchange_csv;
pub mod freb;
pub mod har;
pub mod iis;
pub mod row;
