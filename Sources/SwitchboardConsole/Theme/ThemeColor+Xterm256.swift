extension ThemeColor {
    /// The xterm 256-colour index: ANSI names keep their number, hex values take the nearest entry of the 6×6×6
    /// colour cube (16–231) or the grey ramp (232–255), the same choice tmux makes. -1 is the terminal's default.
    package var xterm256: Int16 {
        switch self {
        case .terminalDefault: -1
        case .ansi(let color): color.index
        case .rgb(let red, let green, let blue): Self.xterm256Index(red: Int(red), green: Int(green), blue: Int(blue))
        }
    }

    private static let cubeLevels = [0, 95, 135, 175, 215, 255]

    private static func cubeStep(_ value: Int) -> Int {
        if value < 48 { return 0 }
        if value < 115 { return 1 }
        return (value - 35) / 40
    }

    private static func xterm256Index(red: Int, green: Int, blue: Int) -> Int16 {
        let (stepR, stepG, stepB) = (cubeStep(red), cubeStep(green), cubeStep(blue))
        let cubeIndex = 16 + 36 * stepR + 6 * stepG + stepB
        let cube = (cubeLevels[stepR], cubeLevels[stepG], cubeLevels[stepB])
        if cube == (red, green, blue) { return Int16(cubeIndex) }

        let average = (red + green + blue) / 3
        let greyStep = average > 238 ? 23 : max(0, (average - 3) / 10)
        let grey = 8 + 10 * greyStep
        let cubeDistance = distanceSquared((red, green, blue), cube)
        let greyDistance = distanceSquared((red, green, blue), (grey, grey, grey))
        return Int16(greyDistance < cubeDistance ? 232 + greyStep : cubeIndex)
    }

    private static func distanceSquared(_ lhs: (Int, Int, Int), _ rhs: (Int, Int, Int)) -> Int {
        let (dr, dg, db) = (lhs.0 - rhs.0, lhs.1 - rhs.1, lhs.2 - rhs.2)
        return dr * dr + dg * dg + db * db
    }
}
