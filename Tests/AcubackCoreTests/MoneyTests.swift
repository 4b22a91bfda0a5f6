import Testing

@testable import AcubackCore

@Suite struct MoneyTests {
    @Test func amountsAreWrittenWithTheCurrencysDigits() {
        #expect(Money(7550, "USD").formatted == "75.50 USD")
        #expect(Money(5, "EUR").formatted == "0.05 EUR")
        #expect(Money(-1200, "GBP").formatted == "-12.00 GBP")
        #expect(Money(4500, "JPY").formatted == "4500 JPY")
    }

    @Test func typedAmountsBecomeMinorUnits() {
        #expect(Currency.minorUnits(from: "75", in: "USD") == 7500)
        #expect(Currency.minorUnits(from: "75.5", in: "USD") == 7550)
        #expect(Currency.minorUnits(from: " 0.05 ", in: "EUR") == 5)
        #expect(Currency.minorUnits(from: "4500", in: "JPY") == 4500)
        for bad in ["", "-5", "7.555", "12,50", "abc", "1.2.3", "4500.5"] {
            #expect(Currency.minorUnits(from: bad, in: bad == "4500.5" ? "JPY" : "USD") == nil, "\(bad)")
        }
        #expect(Currency.minorUnits(from: "99999999999999999999", in: "USD") == nil)
    }
}
